package io.connectcheckout.connectid.sandbox.messages;

import io.connectcheckout.connectid.sandbox.CidMessages;
import io.connectcheckout.connectid.sandbox.ConnectIdSandboxConfig;
import io.connectcheckout.connectid.sandbox.users.Credential;
import io.connectcheckout.connectid.sandbox.users.OneTimeLink;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.connectcheckout.connectid.sandbox.CidTexts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Locale;

/** Renders the texts of the links Assign user sends (Qute mail templates) and queues them in the outbox. */
@ApplicationScoped
public class MessageComposer {

    @CheckedTemplate(basePath = "mail/connectid")
    static class Templates {
        static native TemplateInstance setPasswordEmail(String client, String link, int hours);
        static native TemplateInstance loginEmail(String client, String link, int hours);
        static native TemplateInstance setPasswordSms(String client, String link, int hours);
        static native TemplateInstance loginSms(String client, String link, int hours);
        static native TemplateInstance codeEmail(String client, String code, int minutes);
        static native TemplateInstance codeSms(String client, String code, int minutes);
    }

    private final Outbox outbox;
    private final ConnectIdSandboxConfig config;

    public MessageComposer(Outbox outbox, ConnectIdSandboxConfig config) {
        this.outbox = outbox;
        this.config = config;
    }

    /** Queues a set-password or login link for the credential (e-mail or SMS). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkMessage(Credential to, String clientName, String kind, String rawToken, int hours) {
        linkMessage(to, clientName, kind, rawToken, hours, java.util.List.of());
    }

    /** As above, in the first of {@code languages} the stand-in writes (en, nb; Norwegian variants as nb), else its configured one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void linkMessage(Credential to, String clientName, String kind, String rawToken, int hours,
            java.util.List<Locale> languages) {
        String link = config.publicUrl().replaceAll("/+$", "") + "/user/link/" + rawToken;
        boolean setPassword = OneTimeLink.SET_PASSWORD.equals(kind);
        Locale locale = languages.stream().map(MessageComposer::written).flatMap(java.util.Optional::stream)
                .findFirst().orElseGet(this::locale);
        CidMessages texts = CidTexts.of(locale);
        if (to.isEmail()) {
            TemplateInstance body = setPassword ? Templates.setPasswordEmail(clientName, link, hours)
                    : Templates.loginEmail(clientName, link, hours);
            String subject = setPassword ? texts.mail_set_password_subject(clientName) : texts.mail_login_subject(clientName);
            outbox.email(to.value(), subject, body.setLocale(locale).render());
        } else {
            TemplateInstance body = setPassword ? Templates.setPasswordSms(clientName, link, hours)
                    : Templates.loginSms(clientName, link, hours);
            outbox.sms(to.value(), body.setLocale(locale).render().trim());
        }
    }

    /** Queues a one-time login code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void codeMessage(Credential to, String clientName, String code, int minutes) {
        Locale locale = locale();
        CidMessages texts = CidTexts.of(locale);
        if (to.isEmail()) {
            outbox.email(to.value(), texts.mail_code_subject(clientName),
                    Templates.codeEmail(clientName, code, minutes).setLocale(locale).render());
        } else {
            outbox.sms(to.value(), Templates.codeSms(clientName, code, minutes).setLocale(locale).render().trim());
        }
    }

    private static java.util.Optional<Locale> written(Locale asked) {
        return switch (asked.getLanguage()) {
            case "en" -> java.util.Optional.of(Locale.ENGLISH);
            case "nb", "no", "nn" -> java.util.Optional.of(Locale.forLanguageTag("nb"));
            default -> java.util.Optional.empty();
        };
    }

    private Locale locale() {
        return Locale.forLanguageTag(config.messages().locale());
    }
}
