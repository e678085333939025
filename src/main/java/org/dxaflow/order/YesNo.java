package org.dxaflow.order;

/** A Y/N referral answer; {@code U} means not stated, which the criteria treat differently from N. */
public enum YesNo { Y, N, U }
