package io.connectcheckout.checkout;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.connectcheckout.common.Cookies;
import io.connectcheckout.common.Money;
import io.connectcheckout.common.RequestLocale;
import io.connectcheckout.connectid.client.ConnectIdRejectedException;
import io.connectcheckout.connectid.client.ConnectIdUnavailableException;
import io.connectcheckout.connectid.client.OfferTerms;
import io.connectcheckout.payment.client.PaymentRejectedException;
import io.connectcheckout.payment.client.PaymentUnavailableException;
import io.connectcheckout.publisher.Brand;
import io.connectcheckout.publisher.Offer;
import io.connectcheckout.publisher.PaymentOption;
import io.connectcheckout.publisher.Publisher;
import io.connectcheckout.web.ErrorPages;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The checkout's pages. Thin: finds the shopper's checkout from the cookie (or a signed
 * reference on returns), asks {@link CheckoutService} to act, and renders or redirects. Every POST
 * ends in a 303; every GET is safe to reload.
 */
@Path("/checkout")
@Produces(MediaType.TEXT_HTML)
public class CheckoutResource {

    private static final Logger LOG = Logger.getLogger(CheckoutResource.class);
    static final String COOKIE = "cc_session";
    /** Absolute lifetime of the session cookie; the server-side checkout expires on its own schedule. */
    private static final int COOKIE_MAX_AGE = 24 * 3600;

    /** An offer's terms as the offer page shows them. */
    public record OfferView(String title, String summary, Money price, Money vat, boolean vatFree, int periodLength,
            String periodType, Money renewalPrice, Integer renewalPeriodLength, String renewalPeriodType) {
    }

    /** A payment option as a radio button. */
    public record OptionView(String code, String label, boolean prepaid, boolean checked) {
    }

    /** The form values shown on the details page (from the checkout, or from a rejected post). */
    public record DetailsView(String firstName, String lastName, String email, String mobile, String postalCode,
            String street, String city, boolean terms, String paymentOption) {
    }

    /** Everything the review and receipt pages say about a checkout. */
    public record Summary(String reference, String product, String payerName, String email, String mobile,
            String address, String paymentLabel, String paymentMethod, boolean prepaid, Money price, Money vat,
            boolean loggedIn, String userId, String orderNumber, Boolean newUser, String homeUrl, String publisherName,
            int periodLength, String periodType) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance offer(Brand brand, String publisherSlug, String offerSlug, OfferView offer,
                List<OptionView> options, Map<String, String> errors);

        static native TemplateInstance details(Brand brand, DetailsView form, Map<String, String> errors,
                boolean needsDelivery, List<OptionView> options, boolean loggedIn, String loggedInAs, String termsUrl,
                String publisherName, String notice);

        static native TemplateInstance review(Brand brand, Summary summary, String notice);

        static native TemplateInstance status(Brand brand);

        static native TemplateInstance failed(Brand brand, boolean refunded);

        static native TemplateInstance receipt(Brand brand, Summary summary);
    }

    private final CheckoutService checkout;
    private final RequestLocale locale;
    private final Cookies cookies;
    private final HttpHeaders headers;
    private final ObjectMapper json;
    private final ErrorPages errorPages;

    public CheckoutResource(CheckoutService checkout, RequestLocale locale, Cookies cookies, HttpHeaders headers,
            ObjectMapper json, ErrorPages errorPages) {
        this.errorPages = errorPages;
        this.checkout = checkout;
        this.locale = locale;
        this.cookies = cookies;
        this.headers = headers;
        this.json = json;
    }

    // ---- offer ------------------------------------------------------------------------------

    @GET
    @Path("/{publisher}/{offer}")
    public TemplateInstance offer(@PathParam("publisher") String publisherSlug, @PathParam("offer") String offerSlug) {
        Publisher publisher = publisher(publisherSlug);
        Offer offer = publisher.offer(offerSlug).orElseThrow(NotFoundException::new);
        OfferTerms terms = checkout.terms(publisher, offer);
        return Templates.offer(Brand.of(publisher), publisher.slug, offer.slug, view(offer, terms),
                options(publisher, null), Map.of());
    }

    @POST
    @Path("/{publisher}/{offer}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@PathParam("publisher") String publisherSlug, @PathParam("offer") String offerSlug,
            @FormParam("paymentOption") String optionCode, @FormParam("mode") String mode) {
        Publisher publisher = publisher(publisherSlug);
        Offer offer = publisher.offer(offerSlug).orElseThrow(NotFoundException::new);
        Optional<PaymentOption> option = publisher.paymentOptions.stream()
                .filter(o -> o.code.equals(optionCode)).findFirst();
        if (option.isEmpty()) {
            // Not one of this publisher's options (or none chosen): show the offer again with the error.
            OfferTerms terms = checkout.terms(publisher, offer);
            String html = Templates.offer(Brand.of(publisher), publisher.slug, offer.slug, view(offer, terms),
                    options(publisher, null), Map.of("paymentOption", messages().error_payment_option()))
                    .setLocale(locale.get()).render();
            return Response.status(422).type("text/html;charset=UTF-8").entity(html).build();
        }
        String token = checkout.start(publisher, offer, option.get(), locale.get().getLanguage());
        CheckoutSession session = checkout.byCookie(token).orElseThrow();
        URI next = "login".equals(mode) ? checkout.beginLogin(session.id) : URI.create("/checkout/details");
        return Response.seeOther(next).cookie(cookies.create(COOKIE, token, COOKIE_MAX_AGE)).build();
    }

    // ---- details and login ------------------------------------------------------------------------

    @GET
    @Path("/details")
    public Response details() {
        CheckoutSession s = current();
        if (!s.step.editable()) {
            return redirectTo(s);
        }
        Map<String, String> errors = new LinkedHashMap<>();
        DetailsView form = new DetailsView(s.firstName, s.lastName, s.email, s.mobile, s.postalCode, s.street, s.city,
                s.termsAccepted, s.paymentOption == null ? null : s.paymentOption.code);
        String flash = checkout.takeFlash(s);
        if (flash != null) {
            Flash kept = readFlash(flash);
            form = kept.form();
            errors.putAll(kept.errors());
        }
        String notice = checkout.takeNotice(s);
        return page(Templates.details(Brand.of(s.publisher), form, errors, s.offer.needsDelivery,
                options(s.publisher, form.paymentOption()), s.loggedIn(), s.loggedIn() ? displayName(s) : null,
                s.publisher.termsUrl, s.publisher.name, notice), errors.isEmpty() ? 200 : 200);
    }

    @POST
    @Path("/details")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response saveDetails(@BeanParam DetailsForm form) {
        CheckoutSession s = current();
        if (!s.step.editable()) {
            return redirectTo(s);
        }
        Map<String, String> errors = form.validate(messages(), s.offer.needsDelivery);
        Optional<PaymentOption> option = s.publisher.paymentOptions.stream()
                .filter(o -> o.code.equals(form.paymentOption)).findFirst();
        if (form.paymentOption != null && option.isEmpty()) {
            errors.put("paymentOption", messages().error_payment_option());
        }
        if (!errors.isEmpty()) {
            checkout.keepFlash(s.id, writeFlash(new Flash(new DetailsView(form.firstName, form.lastName, form.email,
                    form.mobile, form.postalCode, form.street, form.city, "on".equals(form.terms),
                    form.paymentOption), errors)));
            return seeOther("/checkout/details");
        }
        option.ifPresent(o -> checkout.choosePaymentOption(s.id, o));
        checkout.saveDetails(s.id, form.toDetails(s.offer.needsDelivery));
        return seeOther("/checkout/review");
    }

    @POST
    @Path("/login")
    public Response login() {
        CheckoutSession s = current();
        if (!s.step.editable()) {
            return redirectTo(s);
        }
        return Response.seeOther(checkout.beginLogin(s.id)).build();
    }

    /** The login server's redirect back: {@code code} and {@code state}, or {@code error}. */
    @GET
    @Path("/auth/callback")
    public Response loginCallback(@QueryParam("code") String code, @QueryParam("state") String state,
            @QueryParam("error") String error) {
        CheckoutSession s = current();
        if (error != null || code == null || code.length() > 512) {
            return seeOther("/checkout/details");
        }
        Optional<String> newToken;
        try {
            newToken = checkout.completeLogin(s.id, state, code);
        } catch (ConnectIdRejectedException rejected) {
            LOG.infof("Login of checkout %s refused by ConnectID: %s", s.reference, rejected.type());
            newToken = Optional.empty();
        }
        if (newToken.isEmpty()) {
            throw new WebApplicationException(Response.Status.FORBIDDEN);
        }
        // A new session id after login (session fixation).
        return Response.seeOther(URI.create("/checkout/details"))
                .cookie(cookies.create(COOKIE, newToken.get(), COOKIE_MAX_AGE)).build();
    }

    @POST
    @Path("/logout")
    public Response logout() {
        CheckoutSession s = current();
        String token = checkout.logout(s.id);
        return Response.seeOther(URI.create("/checkout/details"))
                .cookie(cookies.create(COOKIE, token, COOKIE_MAX_AGE)).build();
    }

    // ---- review and confirm -----------------------------------------------------------------------

    @GET
    @Path("/review")
    public Response review() {
        CheckoutSession s = current();
        if (s.step != Step.DETAILS) {
            return redirectTo(s);
        }
        String notice = checkout.takeNotice(s);
        return page(Templates.review(Brand.of(s.publisher), summary(s), notice), 200);
    }

    @POST
    @Path("/confirm")
    public Response confirm() {
        CheckoutSession s = current();
        if (s.step != Step.DETAILS && s.step != Step.FAILED) {
            return redirectTo(s);
        }
        return follow(s, checkout.confirm(s.id));
    }

    // ---- returns, status, outcome ----------------------------------------------------------------------

    /** ConnectID's fulfillment sends the browser here; {@code fulfillmentStatus} is only a hint. */
    @GET
    @Path("/return/{reference}")
    public Response fulfillmentReturn(@PathParam("reference") String reference, @QueryParam("sig") String sig,
            @QueryParam("fulfillmentStatus") String hint) {
        CheckoutSession s = checkout.bySignedReference(CheckoutService.RETURN_PURPOSE, reference, sig)
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
        LOG.debugf("Fulfillment return for %s with hint %s", s.reference, hint);
        return returned(s);
    }

    /** The payment provider sends the browser here after a prepaid payment. */
    @GET
    @Path("/paid/{reference}")
    public Response paymentReturn(@PathParam("reference") String reference, @QueryParam("sig") String sig) {
        CheckoutSession s = checkout.bySignedReference(CheckoutService.PAID_PURPOSE, reference, sig)
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
        return returned(s);
    }

    @GET
    @Path("/status")
    public Response status() {
        CheckoutSession s = current();
        CheckoutService.Next next = s.step.inFlight() || s.step == Step.COMPLETED ? checkout.advance(s.id)
                : new CheckoutService.Next.Page(s.step);
        if (next instanceof CheckoutService.Next.Pending) {
            return page(Templates.status(Brand.of(s.publisher)), 200);
        }
        return follow(s, next);
    }

    @GET
    @Path("/failed")
    public Response failed() {
        CheckoutSession s = current();
        if (s.step != Step.FAILED) {
            return redirectTo(s);
        }
        return page(Templates.failed(Brand.of(s.publisher), "refunded".equals(s.outcome)), 200);
    }

    @GET
    @Path("/receipt")
    public Response receipt() {
        CheckoutSession s = current();
        if (s.step != Step.COMPLETED) {
            return redirectTo(s);
        }
        return page(Templates.receipt(Brand.of(s.publisher), summary(s)), 200);
    }

    /** The receipt through a signed link: for a return that arrived without the checkout's cookie. */
    @GET
    @Path("/receipt/{reference}")
    public Response signedReceipt(@PathParam("reference") String reference, @QueryParam("sig") String sig) {
        CheckoutSession s = checkout.bySignedReference(CheckoutService.RECEIPT_PURPOSE, reference, sig)
                .orElseThrow(() -> new WebApplicationException(Response.Status.FORBIDDEN));
        if (s.step != Step.COMPLETED) {
            return page(Templates.status(Brand.of(s.publisher)), 200);
        }
        return page(Templates.receipt(Brand.of(s.publisher), summary(s)), 200);
    }

    // ---- failures of the services we depend on -----------------------------------------------------------

    @ServerExceptionMapper
    public Response unavailable(ConnectIdUnavailableException e) {
        LOG.warnf("ConnectID unavailable: %s", e.getMessage());
        return errorPages.render(503);
    }

    @ServerExceptionMapper
    public Response paymentUnavailable(PaymentUnavailableException e) {
        LOG.warnf("Payment provider unavailable: %s", e.getMessage());
        return errorPages.render(503);
    }

    @ServerExceptionMapper
    public Response illegalStep(IllegalStepException e) {
        // A replayed or skipped step (Back, double submit): show where the checkout really is.
        return seeOther("/checkout/status");
    }

    @ServerExceptionMapper
    public Response noSession(NoCheckoutException e) {
        return seeOther("/");
    }

    @ServerExceptionMapper
    public Response refused(ConnectIdRejectedException e) {
        LOG.warnf("ConnectID refused a checkout call: %s", e.getMessage());
        return errorPages.render(400);
    }

    @ServerExceptionMapper
    public Response paymentRefused(PaymentRejectedException e) {
        LOG.warnf("Payment provider refused a checkout call: %s", e.getMessage());
        return errorPages.render(400);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    private Response returned(CheckoutSession s) {
        CheckoutService.Next next = checkout.advance(s.id);
        if (owner(s)) {
            return follow(s, next);
        }
        // The browser came back without this checkout's cookie: identify it by the signed link only.
        if (next instanceof CheckoutService.Next.Page page && page.step() == Step.COMPLETED) {
            return seeOther(checkout.signedReceiptPath(s));
        }
        if (next instanceof CheckoutService.Next.Redirect redirect) {
            return Response.seeOther(redirect.to()).build();
        }
        return page(Templates.status(Brand.of(s.publisher)), 200);
    }

    private Response follow(CheckoutSession s, CheckoutService.Next next) {
        if (next instanceof CheckoutService.Next.Redirect redirect) {
            return Response.seeOther(redirect.to()).build();
        }
        if (next instanceof CheckoutService.Next.Pending) {
            return seeOther("/checkout/status");
        }
        return seeOther(pathFor(((CheckoutService.Next.Page) next).step()));
    }

    private Response redirectTo(CheckoutSession s) {
        return seeOther(pathFor(s.step));
    }

    static String pathFor(Step step) {
        return switch (step) {
            case OFFER -> "/checkout/details";
            case DETAILS -> "/checkout/review";
            case PROCESSING, AWAITING_PAYMENT, PAID -> "/checkout/status";
            case COMPLETED -> "/checkout/receipt";
            case FAILED -> "/checkout/failed";
        };
    }

    private static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    private Response page(TemplateInstance template, int status) {
        String html = template.setLocale(locale.get()).render();
        return Response.status(status).type("text/html;charset=UTF-8").entity(html).build();
    }

    private boolean owner(CheckoutSession s) {
        return checkout.owns(cookieValue(), s);
    }

    private CheckoutSession current() {
        return checkout.byCookie(cookieValue()).orElseThrow(NoCheckoutException::new);
    }

    private String cookieValue() {
        Cookie cookie = headers.getCookies().get(cookies.name(COOKIE));
        return cookie == null ? null : cookie.getValue();
    }

    private CheckoutMessages messages() {
        return MessageBundles.get(CheckoutMessages.class, Localized.Literal.of(locale.get().getLanguage()));
    }

    private static Publisher publisher(String slug) {
        if (slug == null || !slug.matches("[a-z0-9-]{1,40}")) {
            throw new NotFoundException();
        }
        return Publisher.findBySlug(slug).orElseThrow(NotFoundException::new);
    }

    private OfferView view(Offer offer, OfferTerms terms) {
        Locale l = locale.get();
        return new OfferView(offer.title(l), offer.summary(l), terms.price(), terms.vat(), terms.vat().isZero(),
                terms.periodLength(), terms.periodType(), terms.renewalPrice(), terms.renewalPeriodLength(),
                terms.renewalPeriodType());
    }

    private List<OptionView> options(Publisher publisher, String chosen) {
        Locale l = locale.get();
        List<PaymentOption> all = publisher.paymentOptions;
        String selected = chosen != null ? chosen : (all.isEmpty() ? null : all.get(0).code);
        return all.stream().map(o -> new OptionView(o.code, o.label(l), o.prepaid, o.code.equals(selected))).toList();
    }

    private Summary summary(CheckoutSession s) {
        Locale l = locale.get();
        String address = s.street == null ? s.postalCode : s.street + ", " + s.postalCode + " " + s.city;
        return new Summary(s.reference, s.offer.title(l), s.firstName + " " + s.lastName, s.email, s.mobile, address,
                s.paymentOption.label(l), s.paymentOption.paymentMethod, s.paymentOption.prepaid, s.price(), s.vat(),
                s.loggedIn(), s.userId, s.connectIdOrderId == null ? null : s.connectIdOrderId.toString(), s.newUser, s.publisher.homeUrl, s.publisher.name,
                s.periodLength == null ? 1 : s.periodLength, s.periodType == null ? "month" : s.periodType);
    }

    private static String displayName(CheckoutSession s) {
        if (s.email != null) {
            return s.email;
        }
        return s.firstName != null ? s.firstName + " " + s.lastName : s.userId;
    }

    /** A rejected details form, kept for one GET. */
    record Flash(DetailsView form, Map<String, String> errors) {
    }

    private String writeFlash(Flash flash) {
        try {
            String value = json.writeValueAsString(flash);
            return value.length() > 4000 ? json.writeValueAsString(new Flash(
                    new DetailsView(null, null, null, null, null, null, null, false, null), flash.errors())) : value;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Flash readFlash(String value) {
        try {
            return json.readValue(value, Flash.class);
        } catch (JsonProcessingException e) {
            return new Flash(new DetailsView(null, null, null, null, null, null, null, false, null), Map.of());
        }
    }

    /** No checkout for this browser: the cookie is missing, unknown or expired. */
    static class NoCheckoutException extends RuntimeException {
    }
}
