package io.connectcheckout.connectid.api;

import java.util.List;

/** {@code {"subscriptions":[…]}}, the list the published PHP client reads from {@code /v1/subscription}. */
public record SubscriptionList(List<Subscription> subscriptions) {
}
