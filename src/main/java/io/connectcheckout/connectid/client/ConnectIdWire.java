package io.connectcheckout.connectid.client;

import io.connectcheckout.connectid.api.Address;
import io.connectcheckout.connectid.api.Coupon;
import io.connectcheckout.connectid.api.CouponList;
import io.connectcheckout.connectid.api.CouponPriceResponse;
import io.connectcheckout.connectid.api.CustomerInfo;
import io.connectcheckout.connectid.api.CustomerProfile;
import io.connectcheckout.connectid.api.OrderLine;
import io.connectcheckout.connectid.api.PaymentInfo;
import io.connectcheckout.connectid.api.RegisterOrderRequest;
import io.connectcheckout.connectid.api.TokenResponse;
import io.connectcheckout.common.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Translation between ConnectID's wire records ({@code connectid.api}, see docs connectid-api.md)
 * and the checkout's own words. Pure functions; no HTTP.
 */
final class ConnectIdWire {

    /** Access token lifetime assumed when the token endpoint leaves {@code expires_in} out (seconds). */
    static final long DEFAULT_EXPIRES_IN = 3600;

    private ConnectIdWire() {
    }

    /** Register order's body (Order API "Register order", client and user mode alike). */
    static RegisterOrderRequest toWire(OrderToRegister order, Instant now) {
        OrderToRegister.Payer p = order.payer();
        List<String> emails = p.email() == null ? null : List.of(p.email());
        List<String> phones = p.mobile() == null ? null : List.of(p.mobile());
        Address payer = Address.person(p.firstName(), p.lastName(), p.street(), p.postalCode(), p.city(), emails, phones)
                .withCustomerNumber(p.customerNumber());
        OrderLine line = "coupon".equals(order.specType())
                ? OrderLine.coupon(order.couponCode(), Integer.parseInt(order.couponNumber()))
                : OrderLine.product(order.productCode());
        PaymentInfo info = null;
        if (order.payment() != null) {
            OrderToRegister.PrepaidPayment pay = order.payment();
            info = new PaymentInfo(pay.transactionId(), pay.provider(), pay.amount().amount(),
                    pay.amount().currency().getCurrencyCode(), pay.maskedCard());
        }
        return new RegisterOrderRequest(order.externalOrderId(), now.toEpochMilli(), order.paymentMethod(),
                null, order.amount().amount(), order.amount().currency().getCurrencyCode(), null, null, null, null,
                null, null, null, null, payer, new ArrayList<>(List.of(line)), order.prepaid() ? Boolean.TRUE : null,
                null, null, info, null);
    }

    /** An offer's terms from the coupon's price and its entry in the coupon list (null when not listed). */
    static OfferTerms toTerms(CouponPriceResponse price, CouponList coupons, int number) {
        Coupon coupon = coupons.coupons() == null ? null : coupons.coupons().stream()
                .filter(c -> c.couponNumber() != null && c.couponNumber() == number).findFirst().orElse(null);
        String currency = price.currency() == null ? "NOK" : price.currency();
        Money total = Money.of(price.price(), currency);
        Money vat = Money.of(price.vatAmount() == null ? BigDecimal.ZERO : price.vatAmount(), currency);
        if (coupon == null) {
            return new OfferTerms(null, total, vat, price.vatpercent(), 1, "month", null, null, null);
        }
        Coupon.Renewal renewal = coupon.renewal();
        return new OfferTerms(coupon.description(), total, vat, price.vatpercent(), parseInt(coupon.periodLength(), 1),
                coupon.periodType(),
                renewal == null || renewal.renewalPrice() == null ? null : Money.of(renewal.renewalPrice(), currency),
                renewal == null ? null : parseInt(renewal.periodLength(), 1),
                renewal == null ? null : renewal.periodType());
    }

    /**
     * The shopper's profile from Get customer profile (the shape published clients read: {@code
     * uniqueId}, {@code name{…}}, {@code emails}, {@code phoneNumbers[{phoneNumber}]}, {@code
     * credential{credential, credentialType}}; connectid-api.md "Evidence") and Get customer info
     * (address). The login credential fills the e-mail or mobile when the lists leave it out.
     */
    static Profile toProfile(CustomerProfile profile, CustomerInfo info) {
        CustomerProfile.Credential credential = profile.credential();
        String email = first(profile.emails());
        String mobile = profile.phoneNumbers() == null ? null : profile.phoneNumbers().stream()
                .map(CustomerInfo.PhoneNumber::phoneNumber).filter(n -> n != null && !n.isBlank())
                .findFirst().orElse(null);
        if (credential != null && credential.credential() != null) {
            if (email == null && CustomerProfile.EMAIL.equals(credential.credentialType())) {
                email = credential.credential();
            } else if (mobile == null && CustomerProfile.MOBILE.equals(credential.credentialType())) {
                mobile = credential.credential();
            }
        }
        String street = null;
        String postalCode = null;
        String city = null;
        if (info != null && info.address() != null) {
            CustomerInfo.Address a = info.address();
            street = a.street() == null ? null : (a.street() + (a.streetNumber() == null ? "" : " " + a.streetNumber()));
            postalCode = a.postalCode();
            city = a.postalPlace();
        }
        CustomerInfo.Name name = profile.name();
        String userId = profile.uniqueId() != null ? profile.uniqueId()
                : profile.userId() == null ? null : String.valueOf(profile.userId());
        return new Profile(userId, name == null ? null : name.firstName(), name == null ? null : name.lastName(),
                email, mobile, postalCode, street, city);
    }

    /** Tokens from a token response (RFC 6749 §5.1); a refresh without a new refresh token keeps the old one. */
    static Tokens toTokens(TokenResponse tokens, String previousRefreshToken) {
        return new Tokens(tokens.accessToken(),
                tokens.refreshToken() == null ? previousRefreshToken : tokens.refreshToken(),
                tokens.expiresIn() == null ? DEFAULT_EXPIRES_IN : tokens.expiresIn());
    }

    private static int parseInt(String value, int fallback) {
        try {
            return value == null ? fallback : Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String first(List<String> values) {
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
