package parc.agentlessadapter.probe;

import java.time.Duration;

/**
 * What a probe found.
 *
 * @param light the status light
 * @param pingAnswered whether the machine answered the ping
 * @param sshBanner the SSH server's identification line ({@code SSH-2.0-OpenSSH_9.2p1
 * ...}), or null when it did not answer
 * @param took how long the whole probe took
 * @param detail why the light is not green, for the console; null when green
 */
public record ProbeResult(Light light, boolean pingAnswered, String sshBanner, Duration took, String detail) {

}
