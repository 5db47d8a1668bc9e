package com.hongda.cms.customer;

/**
 * Why a manager's customers must be handed to others. Only DEMOTION is raised today; the others are
 * the causes the same case will carry: the manager leaving, owning more than their capacity, a
 * supervisor's decision, and a customer whose tier their grade no longer allows.
 */
public enum ReassignmentCause { DEMOTION, MANAGER_LEFT, OVER_CAPACITY, SUPERVISOR_DECISION, TIER_CHANGE }
