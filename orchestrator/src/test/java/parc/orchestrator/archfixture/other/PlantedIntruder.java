package parc.orchestrator.archfixture.other;

import parc.orchestrator.archfixture.feature.PlantedRepository;

/**
 * Another feature reaching into the planted repository: the violation the rule must see.
 */
public class PlantedIntruder {

	private final PlantedRepository repository;

	PlantedIntruder(PlantedRepository repository) {
		this.repository = repository;
	}

	long count() {
		return this.repository.count();
	}

}
