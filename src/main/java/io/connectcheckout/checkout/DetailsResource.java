package io.connectcheckout.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.checkout.CheckoutViews.DetailsView;
import io.connectcheckout.checkout.CheckoutViews.OptionView;
import io.connectcheckout.common.EmailAddresses;
import io.connectcheckout.publisher.Brand;
import io.connectcheckout.publisher.PaymentOption;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The payer's details and the payment option. A rejected form is kept on the server for the GET
 * after the redirect (post/redirect/get), with its values and translated field errors.
 */
@Path("/checkout/details")
@Produces(MediaType.TEXT_HTML)
public class DetailsResource {

    /** Longest kept form (JSON characters); a longer one keeps only its errors. */
    private static final int MAX_FLASH = 4000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance details(Brand brand, DetailsView form, Map<String, String> errors,
                boolean needsDelivery, List<OptionView> options, boolean loggedIn, String loggedInAs, String termsUrl,
                String publisherName, String notice, CheckoutViews.Summary buying, boolean changePayment,
                String chosenPayment);
    }

    /** A rejected details form, kept for one GET. */
    record Flash(DetailsView form, Map<String, String> errors) {
    }

    private final ShopperChoices choices;
    private final CurrentCheckout current;
    private final CheckoutPages pages;
    private final ObjectMapper json;
    private final EmailAddresses emails;

    public DetailsResource(ShopperChoices choices, CurrentCheckout current, CheckoutPages pages, ObjectMapper json,
            EmailAddresses emails) {
        this.choices = choices;
        this.current = current;
        this.pages = pages;
        this.json = json;
        this.emails = emails;
    }

    /**
     * The details page. The payment option chosen on the offer page is shown as chosen, its choice
     * folded away (issue 14 item 12: chosen once); {@code ?pay=change} (the failure page's "another
     * way to pay") opens it.
     */
    @GET
    public Response details(@jakarta.ws.rs.QueryParam("pay") String pay) {
        CheckoutSession s = current.get();
        if (!s.step().editable()) {
            return pages.redirectTo(s);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        DetailsView form = CheckoutViews.details(s);
        String flash = choices.takeFlash(s);
        if (flash != null) {
            Flash kept = readFlash(flash);
            form = kept.form();
            errors.putAll(kept.errors());
        }
        String notice = choices.takeNotice(s);
        List<OptionView> options = CheckoutViews.options(s.publisher(), form.paymentOption(), pages.locale());
        String chosen = options.stream().filter(OptionView::checked).map(OptionView::label).findFirst().orElse(null);
        return pages.page(Templates.details(Brand.of(s.publisher()), form, errors, s.offer().needsDelivery,
                options, s.loggedIn(),
                s.loggedIn() ? CheckoutViews.displayName(s) : null, s.publisher().termsUrl, s.publisher().name,
                notice, CheckoutViews.buying(s, pages.locale()), "change".equals(pay), chosen), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDetails(@BeanParam DetailsForm form) {
        CheckoutSession s = current.get();
        if (!s.step().editable()) {
            return pages.redirectTo(s);
        }
        Map<String, String> errors = form.validate(pages.messages(), s.offer().needsDelivery, emails);
        Optional<PaymentOption> option = s.publisher().paymentOptions.stream()
                .filter(o -> o.code.equals(form.paymentOption)).findFirst();
        if (form.paymentOption != null && option.isEmpty()) {
            errors.put("paymentOption", pages.messages().error_payment_option());
        }
        if (!errors.isEmpty()) {
            choices.keepFlash(s.id(), writeFlash(new Flash(new DetailsView(form.firstName, form.lastName, form.email,
                    form.mobile, form.postalCode, form.street, form.city, "on".equals(form.terms),
                    form.paymentOption, "on".equals(form.immediateStart)), errors)));
            return CheckoutPages.seeOther("/checkout/details");
        }
        option.ifPresent(o -> choices.choosePaymentOption(s.id(), o));
        choices.saveDetails(s.id(), form.toDetails(s.offer().needsDelivery, emails));
        return CheckoutPages.seeOther("/checkout/review");
    }

    /**
     * The language switch of the details page (issue 14 item 8): keeps what was typed, unchecked and
     * unsaved, for the next GET of the page in the other language, as a refused form is kept.
     */
    @POST
    @Path("/language")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response switchLanguage(@BeanParam DetailsForm form, @FormParam("lang") String lang) {
        CheckoutSession s = current.get();
        if (!s.step().editable()) {
            return pages.redirectTo(s);
        }
        choices.keepFlash(s.id(), writeFlash(new Flash(new DetailsView(form.firstName, form.lastName, form.email,
                form.mobile, form.postalCode, form.street, form.city, "on".equals(form.terms), form.paymentOption,
                "on".equals(form.immediateStart)), Map.of())));
        String language = io.connectcheckout.common.RequestLocale.supported(lang);
        return CheckoutPages.seeOther("/checkout/details" + (language == null ? "" : "?lang=" + language));
    }

    private String writeFlash(Flash flash) {
        try {
            String value = json.writeValueAsString(flash);
            return value.length() > MAX_FLASH ? json.writeValueAsString(new Flash(DetailsView.EMPTY, flash.errors()))
                    : value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Flash readFlash(String value) {
        try {
            return json.readValue(value, Flash.class);
        } catch (JsonProcessingException e) {
            return new Flash(DetailsView.EMPTY, Map.of());
        }
    }
}
