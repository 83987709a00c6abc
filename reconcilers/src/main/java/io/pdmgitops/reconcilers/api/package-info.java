/**
 * What PVE and PBS clients share: endpoints and tokens, the HTTPS transport with certificate
 * pinning, failover and timeouts, lenient JSON reading, UPIDs and the classification of errors.
 */
package io.pdmgitops.reconcilers.api;
