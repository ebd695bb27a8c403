package io.connectcheckout.payment.sandbox.hostedpage;

import io.connectcheckout.common.Money;
import io.connectcheckout.common.PageBrand;
import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.payment.sandbox.payments.IllegalMoveException;
import io.connectcheckout.payment.sandbox.payments.PspPayment;
import io.connectcheckout.payment.sandbox.payments.PspState;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The hosted payment page under {@code /psp/pay/{paymentId}}: card (with a 3-D Secure challenge
 * for one test card) or wallet (mobile number, then approve/reject as in the app), and Cancel.
 * Every POST ends in a 303: to the next step, or to the merchant's return URL with only the
 * payment id — the merchant reads the outcome from the API.
 */
@Path("/psp/pay/{id}")
@Produces(MediaType.TEXT_HTML)
public class HostedPageResource {

    /** What the pages show of a payment. */
    public record PageView(String paymentId, String merchant, String description, Money amount, String method,
            String maskedCard, String maskedPhone, boolean expired, String returnUrl, String walletName) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance pay(PageBrand brand, PageView view, Map<String, String> errors, String cardNumber,
                String expiry, String mobile);

        static native TemplateInstance threeDs(PageBrand brand, PageView view);

        static native TemplateInstance wallet(PageBrand brand, PageView view);

        static native TemplateInstance closed(PageBrand brand, PageView view);
    }

    private final ShopperSteps payments;
    private final RequestLocale locale;

    public HostedPageResource(ShopperSteps payments, RequestLocale locale) {
        this.payments = payments;
        this.locale = locale;
    }

    @GET
    public Response page(@PathParam("id") String id) {
        PspPayment payment = load(id);
        PageView view = view(payment);
        if (payment.state != PspState.CREATED) {
            return Response.ok(Templates.closed(brand(view), view)).build();
        }
        if (PspPayment.STEP_THREE_DS.equals(payment.pendingStep)) {
            return seeOther(id, "/3ds");
        }
        if (PspPayment.STEP_WALLET.equals(payment.pendingStep)) {
            return seeOther(id, "/wallet");
        }
        // The merchant's known mobile number pre-fills the wallet form (issue 14 item 12), as Vipps does.
        return Response.ok(Templates.pay(brand(view), view, Map.of(), "", "",
                payment.phoneNumber == null ? "" : payment.phoneNumber)).build();
    }

    @POST
    @Path("card")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response card(@PathParam("id") String id, @FormParam("cardNumber") String cardNumber,
            @FormParam("expiry") String expiry, @FormParam("cvc") String cvc) {
        PspPayment payment = load(id);
        if (payment.state != PspState.CREATED || payment.pendingStep != null || !"card".equals(payment.method)) {
            return seeOther(id, "");
        }
        PspMessages msg = messages();
        Map<String, String> errors = new LinkedHashMap<>();
        String digits = TestCards.digits(cardNumber);
        if (digits == null) {
            errors.put("cardNumber", msg.error_card_number());
        } else if (!TestCards.luhn(digits)) {
            errors.put("cardNumber", msg.error_card_luhn());
        }
        YearMonth month = TestCards.expiry(expiry);
        if (month == null) {
            errors.put("expiry", msg.error_card_expiry());
        } else if (ShopperSteps.cardExpired(month)) {
            errors.put("expiry", msg.error_card_expired());
        }
        if (!TestCards.cvc(cvc)) {
            errors.put("cvc", msg.error_card_cvc());
        }
        if (!errors.isEmpty()) {
            // A valid card number is kept when another field is wrong (issue 14 item 11), in groups of
            // four; an invalid one is not echoed, and the security code never is.
            PageView view = view(payment);
            String kept = errors.containsKey("cardNumber") ? "" : TestCards.grouped(digits);
            return Response.status(400).entity(Templates.pay(brand(view), view, errors, kept, shorten(expiry), ""))
                    .build();
        }
        TestCards.Outcome outcome;
        try {
            outcome = payments.payWithCard(id, digits);
        } catch (IllegalMoveException closedMeanwhile) {
            return seeOther(id, "");
        }
        return outcome == TestCards.Outcome.THREE_DS ? seeOther(id, "/3ds") : backToMerchant(id);
    }

    /** The card form re-rendered with errors lives at this URL; reloading it (or switching language) shows the page. */
    @GET
    @Path("card")
    public Response cardPage(@PathParam("id") String id) {
        load(id);
        return seeOther(id, "");
    }

    @GET
    @Path("3ds")
    public Response threeDsPage(@PathParam("id") String id) {
        PspPayment payment = load(id);
        if (payment.state != PspState.CREATED || !PspPayment.STEP_THREE_DS.equals(payment.pendingStep)) {
            return seeOther(id, "");
        }
        PageView view = view(payment);
        return Response.ok(Templates.threeDs(brand(view), view)).build();
    }

    @POST
    @Path("3ds")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response threeDs(@PathParam("id") String id, @FormParam("decision") String decision) {
        load(id);
        try {
            payments.completeThreeDs(id, "approve".equals(decision));
        } catch (IllegalMoveException notAtThisStep) {
            return seeOther(id, "");
        }
        return backToMerchant(id);
    }

    @POST
    @Path("wallet")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response wallet(@PathParam("id") String id, @FormParam("mobile") String mobile) {
        PspPayment payment = load(id);
        if (payment.state != PspState.CREATED || payment.pendingStep != null || !"wallet".equals(payment.method)) {
            return seeOther(id, "");
        }
        String e164 = TestCards.mobile(mobile);
        if (e164 == null) {
            PageView view = view(payment);
            return Response.status(400).entity(Templates.pay(brand(view), view,
                    Map.of("mobile", messages().error_mobile()), "", "", shorten(mobile))).build();
        }
        try {
            payments.startWallet(id, e164);
        } catch (IllegalMoveException closedMeanwhile) {
            return seeOther(id, "");
        }
        return seeOther(id, "/wallet");
    }

    @GET
    @Path("wallet")
    public Response walletPage(@PathParam("id") String id) {
        PspPayment payment = load(id);
        if (payment.state != PspState.CREATED || !PspPayment.STEP_WALLET.equals(payment.pendingStep)) {
            return seeOther(id, "");
        }
        PageView view = view(payment);
        return Response.ok(Templates.wallet(brand(view), view)).build();
    }

    @POST
    @Path("wallet/confirm")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response walletConfirm(@PathParam("id") String id, @FormParam("decision") String decision) {
        load(id);
        try {
            payments.completeWallet(id, "approve".equals(decision));
        } catch (IllegalMoveException notAtThisStep) {
            return seeOther(id, "");
        }
        return backToMerchant(id);
    }

    @POST
    @Path("cancel")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response cancel(@PathParam("id") String id) {
        load(id);
        try {
            payments.abort(id);
        } catch (IllegalMoveException alreadyClosed) {
            return seeOther(id, "");
        }
        return backToMerchant(id);
    }

    private PspPayment load(String id) {
        PspPayment payment = payments.forPage(id);
        if (payment == null) {
            throw new NotFoundException();
        }
        return payment;
    }

    private Response backToMerchant(String id) {
        return Response.seeOther(URI.create(ShopperSteps.returnUrl(load(id)))).build();
    }

    private static Response seeOther(String id, String step) {
        return Response.seeOther(URI.create("/psp/pay/" + id + step)).build();
    }

    private static PageView view(PspPayment p) {
        return new PageView(p.paymentId, p.merchant.name, p.description, Money.ofMinor(p.amountMinor, p.currency),
                p.method, p.maskedCard, p.maskedPhone,
                p.state == PspState.EXPIRED || (p.state == PspState.CREATED && !p.isOpen(Instant.now())),
                ShopperSteps.returnUrl(p), p.merchant.walletName == null ? "Vipps" : p.merchant.walletName);
    }

    /**
     * The merchant the payment was created for (issue 14 item 10): its name, its colours (a served
     * stylesheet: the CSP forbids inline styles), its support address and terms in the footer.
     */
    private PageBrand brand(PageView view) {
        PspPayment payment = PspPayment.byPaymentId(view.paymentId());
        io.connectcheckout.payment.sandbox.merchants.PspMerchant m = payment.merchant;
        String stylesheet = PspMerchantStylesheet.colours(m).isEmpty() ? null : PspMerchantStylesheet.PATH + m.slug + ".css";
        return new PageBrand(m.name, stylesheet, m.supportEmail, m.termsUrl);
    }

    private PspMessages messages() {
        return MessageBundles.get(PspMessages.class, Localized.Literal.of(locale.get().getLanguage()));
    }

    private static String shorten(String value) {
        return value == null ? "" : value.length() > 20 ? value.substring(0, 20) : value;
    }
}
