package io.connectcheckout.connectid.api;

/**
 * Check access ({@code POST /capi/v1/customer/access}, notes §2.15): every field sent must match.
 * Checks other than {@code ip} need {@code uniqueId} or {@code credential} with them.
 */
public record AccessRequest(String product, String articleId, String domain, String ip, String categoryType,
        Boolean accessAzureAd, Boolean accessAidFamily, String uniqueId, Long customerNumber, String credential) {
}
