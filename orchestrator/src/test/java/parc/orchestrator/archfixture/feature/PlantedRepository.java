package parc.orchestrator.archfixture.feature;

import org.springframework.stereotype.Repository;

/**
 * A repository planted for the architecture test: public, so another package can reach
 * it.
 */
@Repository
public class PlantedRepository {

	public long count() {
		return 0;
	}

}
