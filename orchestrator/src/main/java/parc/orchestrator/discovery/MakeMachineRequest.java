package parc.orchestrator.discovery;

import parc.orchestrator.machine.OsFamily;

/**
 * What turning a device into a machine needs beyond what discovery found.
 *
 * @param name the machine's name; the device's host name (first label) or address when
 * blank
 * @param credentialId the credential its SSH sessions use
 * @param osFamily LINUX, WINDOWS...; from the device's class when null
 * @param sshPort 22 when null
 * @param sshUser the credential's when null
 */
public record MakeMachineRequest(String name, Long credentialId, OsFamily osFamily, Integer sshPort, String sshUser) {

}
