/**
 * The audit log's reading side: logins, failed logins, token use and refusals, denied requests, as
 * the controller's security records them; an Admin on {@code /access} reads them at {@code /audit}
 * and {@code /api/v1/audit}.
 */
package io.pdmgitops.webui.audit;
