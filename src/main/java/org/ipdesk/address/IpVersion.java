package org.ipdesk.address;

/** The two IP versions, with their bit and byte widths. */
public enum IpVersion {
    V4(32),
    V6(128);

    private final int bits;

    IpVersion(int bits) {
        this.bits = bits;
    }

    public int bits() {
        return bits;
    }

    public int bytes() {
        return bits / 8;
    }

    /** 4 or 6, as admins write it. */
    public int number() {
        return this == V4 ? 4 : 6;
    }
}
