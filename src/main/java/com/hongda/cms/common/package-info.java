/**
 * What every module shares: classified errors and their GraphQL mapping, the limits every GraphQL
 * request is held to, cursor pagination, scalars, message bundles and small value types such as
 * {@link com.hongda.cms.common.Region}.
 * Depends on no other module.
 */
@ApplicationModule(allowedDependencies = {})
package com.hongda.cms.common;

import org.springframework.modulith.ApplicationModule;
