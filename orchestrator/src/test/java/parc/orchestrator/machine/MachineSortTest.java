package parc.orchestrator.machine;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MachineSortTest {

	@Test
	void shouldReadConsoleSpellingAndWriteItBack() {
		for (MachineSort sort : MachineSort.values()) {
			assertThat(MachineSort.fromProperty(sort.property())).contains(sort);
		}
		assertThat(MachineSort.fromProperty("osFamily")).contains(MachineSort.OS_FAMILY);
	}

	@Test
	void shouldIgnoreUnknownOrHostileSortProperties() {
		assertThat(MachineSort.fromProperty("name; drop table machine")).isEmpty();
		assertThat(MachineSort.fromProperty("password_hash")).isEmpty();
		assertThat(MachineSort.fromProperty(null)).isEmpty();
	}

}
