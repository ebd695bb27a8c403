package io.connectcheckout.common;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import org.hibernate.exception.ConstraintViolationException;

/**
 * Tells a unique key refusing a second, concurrent insert (two requests racing for the same
 * row) from other database failures, by exception type and SQL state, never by message text.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /** True when somewhere in the chain a constraint refused the write (SQL state 23505 or its exception types). */
    public static boolean refused(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof ConstraintViolationException || t instanceof SQLIntegrityConstraintViolationException) {
                return true;
            }
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
            if (t instanceof PersistenceException && t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
