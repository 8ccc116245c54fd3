package parc.orchestrator.archfixture.feature;

/** Its own feature's service: allowed to use the repository. */
public class PlantedService {

	private final PlantedRepository repository;

	PlantedService(PlantedRepository repository) {
		this.repository = repository;
	}

	public long count() {
		return this.repository.count();
	}

}
