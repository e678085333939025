package org.dxaflow.order;

/** PREGNANT answer; {@code U} = not stated (the question is asked again at the scan visit). */
public enum Pregnancy { Y, N, POSSIBLE, U }
