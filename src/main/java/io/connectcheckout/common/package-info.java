/**
 * What the checkout and the two sandboxes (the ConnectID and the payment-provider stand-ins)
 * share and nothing else: the pieces of a page (the layout's texts and {@link
 * io.connectcheckout.common.PageBrand}, language resolution, cookies), money and its display,
 * telling a unique-key conflict from other database failures, and which e-mail addresses mail may
 * go to ({@link io.connectcheckout.common.EmailAddresses}: the checkout's form and the ConnectID
 * stand-in's credentials refuse the same ones).
 *
 * <p>It depends on no other package of {@code io.connectcheckout}, so each of the three parts can
 * be taken out and run on its own with it ({@code ArchitectureTest} keeps it so).
 */
package io.connectcheckout.common;
