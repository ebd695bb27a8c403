package io.connectcheckout.connectid.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The media ranges of an {@code Accept} header and their weights (RFC 9110 §12.5.1, §12.4.2): for a
 * type, the most specific range that covers it ({@code type/subtype} before {@code type/*} before
 * {@code *}{@code /*}) gives its weight, 1 when it names none. A range that cannot be read (no
 * slash, a weight that is not a number from 0 to 1) is left out, as if it were not there.
 */
final class AcceptWeights {

    private record Range(String type, String subtype, double q) {
        int specificity(String wantedType, String wantedSubtype) {
            if (type.equals("*") && subtype.equals("*")) {
                return 1;
            }
            if (!type.equals(wantedType)) {
                return 0;
            }
            return subtype.equals("*") ? 2 : subtype.equals(wantedSubtype) ? 3 : 0;
        }
    }

    private final List<Range> ranges;

    private AcceptWeights(List<Range> ranges) {
        this.ranges = ranges;
    }

    static AcceptWeights parse(String header) {
        List<Range> ranges = new ArrayList<>();
        for (String part : header.split(",")) {
            String[] pieces = part.split(";");
            String[] name = pieces[0].trim().toLowerCase(Locale.ROOT).split("/", -1);
            if (name.length != 2 || name[0].isEmpty() || name[1].isEmpty()) {
                continue;
            }
            Double q = 1.0;
            for (int i = 1; i < pieces.length && q != null; i++) {
                String[] parameter = pieces[i].trim().split("=", 2);
                if (parameter[0].trim().equalsIgnoreCase("q")) {
                    q = weight(parameter.length < 2 ? "" : parameter[1].trim());
                }
            }
            if (q != null) {
                ranges.add(new Range(name[0], name[1], q));
            }
        }
        return new AcceptWeights(ranges);
    }

    /** The weight of {@code type/subtype} (lower case): 0 when no range covers it or its range says q=0. */
    double of(String type, String subtype) {
        Range best = mostSpecific(type, subtype);
        return best == null ? 0 : best.q();
    }

    /** Whether some range covers {@code type/subtype} (so a weight of 0 is a refusal, not silence). */
    boolean names(String type, String subtype) {
        return mostSpecific(type, subtype) != null;
    }

    private Range mostSpecific(String type, String subtype) {
        Range best = null;
        int bestSpecificity = 0;
        for (Range range : ranges) {
            int specificity = range.specificity(type, subtype);
            if (specificity > bestSpecificity || (specificity == bestSpecificity && specificity > 0 && range.q() > best.q())) {
                best = range;
                bestSpecificity = specificity;
            }
        }
        return best;
    }

    private static Double weight(String text) {
        if (!text.matches("0(\\.\\d{0,3})?|1(\\.0{0,3})?")) {
            return null;
        }
        return Double.parseDouble(text);
    }
}
