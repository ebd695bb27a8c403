package io.connectcheckout.payment.sandbox.merchantapi;

import io.connectcheckout.payment.api.CreatePaymentJson;
import io.connectcheckout.payment.api.ErrorCodes;
import io.connectcheckout.payment.sandbox.merchants.PspMerchant;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Currency;
import java.util.Set;

/** What a merchant's new payment must satisfy before it is created; each refusal names its field. */
final class NewPaymentRules {

    private static final long MAX_AMOUNT = 100_000_000_00L;
    private static final Set<String> METHODS = Set.of("card", "wallet");

    private NewPaymentRules() {
    }

    /** Checks the request against the rules and the merchant's registered hosts; returns its currency. */
    static Currency validate(PspMerchant merchant, CreatePaymentJson r) {
        if (blank(r.reference()) || r.reference().trim().length() > 100) {
            throw invalid("reference", "reference is required (at most 100 characters)");
        }
        if (r.amount() == null || r.amount().value() == null) {
            throw invalid("amount", "amount {value, currency} is required");
        }
        if (r.amount().value() <= 0 || r.amount().value() > MAX_AMOUNT) {
            throw new PspApiException(422, ErrorCodes.INVALID_AMOUNT,
                    "amount.value must be a positive number of minor units", "amount.value");
        }
        Currency currency = currency(r.amount().currency());
        if (blank(r.description()) || r.description().trim().length() > 200) {
            throw invalid("description", "description is required (at most 200 characters)");
        }
        if (r.method() == null || !METHODS.contains(r.method())) {
            throw invalid("method", "method must be card or wallet");
        }
        URI returnUrl = url(r.returnUrl(), "returnUrl");
        if (returnUrl == null) {
            throw invalid("returnUrl", "returnUrl is required");
        }
        if (!merchant.allowsReturnTo(returnUrl)) {
            throw new PspApiException(422, ErrorCodes.RETURN_URL_NOT_ALLOWED,
                    "returnUrl's host is not registered for this merchant", "returnUrl");
        }
        if (!blank(r.phoneNumber()) && !r.phoneNumber().trim().matches("\\+[1-9][0-9]{6,14}")) {
            throw invalid("phoneNumber", "phoneNumber must be a number in E.164, such as +4791234567");
        }
        URI callbackUrl = url(r.callbackUrl(), "callbackUrl");
        if (callbackUrl != null && !merchant.allowsCallbackTo(callbackUrl)) {
            throw new PspApiException(422, ErrorCodes.CALLBACK_URL_NOT_ALLOWED,
                    "callbackUrl's host is not registered for this merchant", "callbackUrl");
        }
        return currency;
    }

    private static Currency currency(String code) {
        try {
            Currency currency = code == null || !code.matches("[A-Z]{3}") ? null : Currency.getInstance(code);
            if (currency != null && currency.getDefaultFractionDigits() >= 0) {
                return currency;
            }
        } catch (IllegalArgumentException unknown) {
            // answered below
        }
        throw new PspApiException(422, ErrorCodes.INVALID_CURRENCY,
                "amount.currency must be an ISO 4217 code such as NOK", "amount.currency");
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static URI url(String value, String field) {
        if (blank(value)) {
            return null;
        }
        try {
            URI uri = new URI(value);
            if (value.length() <= 1000 && uri.isAbsolute() && uri.getHost() != null
                    && ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                return uri;
            }
        } catch (URISyntaxException bad) {
            // answered below
        }
        throw invalid(field, field + " must be an absolute http(s) URL");
    }

    private static PspApiException invalid(String field, String message) {
        return new PspApiException(422, ErrorCodes.INVALID_REQUEST, message, field);
    }
}
