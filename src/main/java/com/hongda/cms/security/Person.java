package com.hongda.cms.security;

/** A user of the system as others see them. */
public record Person(String id, String name, String email) {
}
