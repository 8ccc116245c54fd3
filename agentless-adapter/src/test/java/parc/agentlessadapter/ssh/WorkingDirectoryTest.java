package parc.agentlessadapter.ssh;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WorkingDirectoryTest {

	@Test
	void shouldLiveUnderTheParcFolderOfTheHome() {
		assertThat(WorkingDirectory.forJob("deployment-42.phase_1").path())
			.isEqualTo(".parc/work/deployment-42.phase_1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "..", "../etc", "a/b", "/", "", ".hidden", "-rf", "a..b", "x;rm", "$(id)", "a b" })
	void shouldRefuseIdentifiersThatCouldLeaveIt(String jobId) {
		assertThatThrownBy(() -> WorkingDirectory.forJob(jobId)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldRefuseAPathOutsideTheWorkFolder() {
		assertThatThrownBy(() -> new WorkingDirectory("/etc")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new WorkingDirectory(".parc/work/../../x"))
			.isInstanceOf(IllegalArgumentException.class);
	}

}
