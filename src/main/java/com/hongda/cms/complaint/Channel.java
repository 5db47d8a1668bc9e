package com.hongda.cms.complaint;

/** How the complaint came in. */
public enum Channel {
    PHONE, VISIT, ONLINE, LETTER, HOTLINE
}
