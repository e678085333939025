package org.dxaflow.order;

/** NOGG intervention-threshold zone for a FRAX result (seed Appendix 2, item 5). */
public enum NoggZone { GREEN, AMBER, RED }
