package com.hongda.cms.prospect;

/** How a follow-up ends. */
public enum ProspectResult {
    WON, LOST;

    ProspectState state() {
        return this == WON ? ProspectState.WON : ProspectState.LOST;
    }
}
