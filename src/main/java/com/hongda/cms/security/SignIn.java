package com.hongda.cms.security;

/**
 * How a login signs in: with its password (HTTP Basic, or a bearer token as well), or only with a
 * bearer token from the identity provider. A TOKEN login has no password anyone knows; HTTP Basic
 * refuses it like a wrong password, and it is never asked to change a password.
 */
public enum SignIn {
    PASSWORD, TOKEN
}
