package io.connectcheckout.checkout;

import jakarta.persistence.Embeddable;

/**
 * What one page shows once and then forgets (post/redirect/get): a notice for the next page (e.g.
 * {@code cancelled}) and a rejected form's values and errors (JSON) for the GET after the redirect.
 */
@Embeddable
public class PageNotes {

    private String notice;
    private String flash;

    String notice() {
        return notice;
    }

    String flash() {
        return flash;
    }

    void notice(String value) {
        notice = value;
    }

    void flash(String json) {
        flash = json;
    }

    /** The notice, cleared. */
    String takeNotice() {
        String shown = notice;
        notice = null;
        return shown;
    }

    /** The kept form, cleared. */
    String takeFlash() {
        String shown = flash;
        flash = null;
        return shown;
    }
}
