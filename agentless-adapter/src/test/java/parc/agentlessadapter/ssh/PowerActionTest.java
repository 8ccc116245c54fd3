package parc.agentlessadapter.ssh;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The power scripts are checked as text only: running them for real, even on a test
 * server, would stop the machine the tests run on.
 */
class PowerActionTest {

	@Test
	void shouldGoThroughNonInteractiveSudoWhenTheLoginIsNotRoot() {
		assertThat(PowerAction.REBOOT.script(RemoteSystem.UNIX))
			.isEqualTo("if [ \"$(id -u)\" -eq 0 ]; then shutdown -r now; else sudo -n shutdown -r now; fi");
		assertThat(PowerAction.SHUTDOWN.script(RemoteSystem.UNIX)).contains("sudo -n shutdown -h now");
	}

	@Test
	void shouldUsePowerShellCmdletsOnWindows() {
		assertThat(PowerAction.SHUTDOWN.script(RemoteSystem.WINDOWS)).isEqualTo("Stop-Computer -Force");
		assertThat(PowerAction.REBOOT.script(RemoteSystem.WINDOWS)).isEqualTo("Restart-Computer -Force");
	}

}
