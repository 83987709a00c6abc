/**
 * Who is calling and what they may do: local logins checked against argon2id hashes from Git
 * ({@link io.pdmgitops.controller.security.LocalLogins}, throttled by {@link
 * io.pdmgitops.controller.security.LoginThrottle}), the one-time bootstrap login while Git names no
 * Admin, and the filter that holds every request to the route table of {@code
 * io.pdmgitops.webui.access.RouteRules} under the access policy of the snapshot in force. Spring
 * Security supplies sessions, the login form's post and the anti-forgery token; the decisions are
 * ours, made from Git.
 */
package io.pdmgitops.controller.security;
