package parc.agentlessadapter.discovery;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NeighbourTableTest {

	@Test
	void shouldReadTheMacOfAReachableOrStaleEntry() {
		assertThat(NeighbourTable.parse("198.51.100.10 dev pb1 lladdr 8e:a7:6a:51:b6:e5 REACHABLE\n"))
			.contains("8E:A7:6A:51:B6:E5");
		assertThat(NeighbourTable.parse("198.51.100.10 dev pb1 lladdr 02:fc:00:00:00:05 STALE"))
			.contains("02:FC:00:00:00:05");
	}

	@Test
	void shouldFindNoMacInFailedIncompleteOrEmptyEntries() {
		assertThat(NeighbourTable.parse("198.51.100.10 dev pb1 FAILED\n")).isEmpty();
		assertThat(NeighbourTable.parse("198.51.100.10 dev pb1 INCOMPLETE\n")).isEmpty();
		assertThat(NeighbourTable.parse("")).isEmpty();
		assertThat(NeighbourTable.parse("198.51.100.10 dev pb1 lladdr 00:00:00:00:00:00 NOARP")).isEmpty();
	}

}
