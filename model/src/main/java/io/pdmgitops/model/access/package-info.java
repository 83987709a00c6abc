/**
 * Who may see and do what: ACL paths, the permissions a request needs, and the policy that answers
 * "may this caller do that here" from one snapshot's users, groups, access rules and views. Pure:
 * no web, no store, no clock but the one given.
 */
package io.pdmgitops.model.access;
