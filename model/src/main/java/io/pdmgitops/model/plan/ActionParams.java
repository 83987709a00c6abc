package io.pdmgitops.model.plan;

/**
 * What one kind's action needs besides its resource and remote: where a guest is, the job's fields
 * to write. Each kind has its own record; the journal stores it as JSON through the kind's codec,
 * so an action that was cut off can be followed after a restart.
 */
public interface ActionParams {}
