package org.dxaflow.store;

import java.sql.SQLException;

/** A database failure; unchecked so routes see it as an infrastructure error and retry. */
public final class StoreException extends RuntimeException {
    public StoreException(SQLException cause) {
        super(cause.getMessage(), cause);
    }

    public StoreException(String message) {
        super(message);
    }
}
