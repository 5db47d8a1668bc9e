package com.hongda.cms.bench;

/** One way of walking the recruitment story from submission to hire. */
interface Route {

    String name();

    /** Submits one application and completes every task until the candidate is hired. */
    void lifecycle();
}
