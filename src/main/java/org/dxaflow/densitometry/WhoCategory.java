package org.dxaflow.densitometry;

/** WHO 1994 densitometric categories (WHO Technical Report Series 843), applied per ISCD. */
public enum WhoCategory {
    NORMAL, OSTEOPENIA, OSTEOPOROSIS, SEVERE_OSTEOPOROSIS
}
