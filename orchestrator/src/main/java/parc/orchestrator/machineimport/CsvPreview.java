package parc.orchestrator.machineimport;

import java.util.List;

/**
 * What a file holds, shown before it is applied so the administrator can check the header
 * mapping.
 *
 * @param header the first line's cells
 * @param mapping the field each column is mapped to by default
 * @param sample the first data rows
 * @param delimiter the separator found, {@code ,} or {@code ;}
 * @param warning what looks wrong in the lines shown (text not valid in the charset), or
 * null
 */
public record CsvPreview(List<String> header, List<String> mapping, List<List<String>> sample, char delimiter,
		String warning) {

	public CsvPreview {
		header = List.copyOf(header);
		mapping = List.copyOf(mapping);
		sample = sample.stream().map(List::copyOf).toList();
	}

}
