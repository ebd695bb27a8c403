package io.connectcheckout.connectid.api;

import java.util.List;

/**
 * {@code {"access": bool, "accesses": [{access, accessLevel, accessType}]}} (notes §2.15). {@code
 * accessType} as in {@link CustomerProduct}: {@code A} unlimited, {@code B} for a period, {@code D} none.
 */
public record AccessResponse(boolean access, List<Access> accesses) {

    /** One grant that was considered. */
    public record Access(boolean access, String accessLevel, String accessType) {
    }
}
