/**
 * The payment sandbox: a stand-in payment service provider under {@code /psp}
 * ({@code docs/payment-sandbox.md}), which the checkout and the ConnectID sandbox reach only over
 * HTTP. Its settings are {@link io.connectcheckout.payment.sandbox.PspConfig}; the rest is split
 * by responsibility:
 * <ul>
 * <li>{@code merchants}: the merchants, their API keys and registered hosts, and their seeding;</li>
 * <li>{@code payments}: the payment and its states ({@code PspState} is the transition table every
 * move obeys);</li>
 * <li>{@code events}: a payment's history and the signed callbacks its state changes send (outbox,
 * delivery with back-off);</li>
 * <li>{@code expiry}: payments the shopper did not finish in time;</li>
 * <li>{@code merchantapi}: the merchant's JSON API under {@code /psp/v1} (rules, idempotency keys,
 * error bodies);</li>
 * <li>{@code hostedpage}: the shopper's pages under {@code /psp/pay/{id}} (test cards, 3-D Secure,
 * wallet).</li>
 * </ul>
 * It uses nothing of the checkout: only itself, the wire records of {@code payment.api} and
 * {@code io.connectcheckout.common} ({@code ArchitectureTest}).
 */
package io.connectcheckout.payment.sandbox;
