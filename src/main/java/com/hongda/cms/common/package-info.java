/**
 * What every module shares: classified domain errors and their GraphQL mapping, cursor
 * pagination, scalars, message bundles and small value types such as {@link com.hongda.cms.common.Region}.
 * Depends on no other module.
 */
package com.hongda.cms.common;
