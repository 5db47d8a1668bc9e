/**
 * Who is calling and what they may do. Users, passwords and groups live in the engine's identity
 * tables, so task candidate groups and the engine's user operation log use the same identities as
 * the API. Roles (docs/rules.md#roles) map one to one to engine groups. When an identity provider
 * is configured, bearer JWTs are accepted too, their roles read from a claim; CORS lets the
 * configured single-page front ends call the API from their own origins.
 */
@ApplicationModule(allowedDependencies = {"common"})
package com.hongda.cms.security;

import org.springframework.modulith.ApplicationModule;
