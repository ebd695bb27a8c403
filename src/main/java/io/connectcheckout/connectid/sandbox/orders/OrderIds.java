package io.connectcheckout.connectid.sandbox.orders;

import java.security.SecureRandom;

/**
 * Order ids that cannot be guessed: drawn at random (a {@link SecureRandom}) from
 * [2<sup>32</sup>, 2<sup>53</sup>), about 9·10<sup>15</sup> values, instead of counting up from 1.
 * The real API's {@code orderId} is an integer (connectid-api-notes.md §2.1: every client reads
 * {@code response.orderId}); below 2<sup>53</sup> it stays exact in JavaScript and PHP doubles, and
 * from 2<sup>32</sup> on every id has the same width and type in a JSON reader. Issue 13 item 11 and the outside
 * attack: with counted ids, whoever opened the fulfillment URL of the next order first owned it.
 */
final class OrderIds {

    /** The smallest id handed out (2^32). */
    static final long SMALLEST = 1L << 32;
    /** One more than the largest id handed out (2^53). */
    static final long BOUND = 1L << 53;

    private static final SecureRandom RANDOM = new SecureRandom();

    private OrderIds() {
    }

    /** A new id not yet used by any order (the caller's transaction looks). */
    static long next() {
        while (true) {
            long id = SMALLEST + (RANDOM.nextLong() & Long.MAX_VALUE) % (BOUND - SMALLEST);
            if (SandboxOrder.findById(id) == null) {
                return id;
            }
        }
    }
}
