/**
 * A user's API tokens page: the tokens Git declares for them (read only: a commit revokes them) and
 * personal tokens they make and revoke themselves, each with its path, expiry and last use.
 */
package io.pdmgitops.webui.tokens;
