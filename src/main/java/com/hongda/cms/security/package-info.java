/**
 * Who is calling and what they may do. Users, passwords and groups live in the engine's identity
 * tables, so task candidate groups and the engine's user operation log use the same identities as
 * the API. Roles (DOMAIN.md section 2) map one to one to engine groups.
 */
package com.hongda.cms.security;
