package parc.orchestrator.processdesign;

import java.time.Instant;

/**
 * One version of a process, as the engine deployed it.
 *
 * @param definitionId the engine's process definition id
 * @param key the process key ({@code deploy-package})
 * @param name the process's name, or its key when it has none
 * @param version the engine's version number, from 1
 * @param origin where it came from
 * @param deployedBy the account that deployed it, or null (shipped, or unknown)
 * @param deployedAt when
 * @param copiedFrom for a roll-back: the version it copies; null otherwise
 * @param inUse whether new deployments start this version (the latest one)
 */
public record ProcessVersion(String definitionId, String key, String name, int version, ProcessOrigin origin,
		String deployedBy, Instant deployedAt, Integer copiedFrom, boolean inUse) {

}
