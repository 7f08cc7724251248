import type { CSSProperties } from 'react';
import { Link } from 'react-router';
import type { Experiment } from '@/api/experiments.ts';
import { tagValue } from '@/api/wire.ts';
import { TagList } from '@/components/tag-list.tsx';
import { TruncatedText } from '@/components/truncated-text.tsx';
import { paths } from '@/config/paths.ts';
import { describeTimestamp, formatTimestamp } from '../../../contract/display/format-time.ts';
import { firstLine, truncateText } from '@/lib/truncate.ts';
import { DescriptionPreview } from './description-preview.tsx';
import { RunSummaryCells } from './run-summary-cells.tsx';

export interface ExperimentRowProps {
  experiment: Experiment;
  style?: CSSProperties;
  rowIndex?: number;
  selected: boolean;
  onSelect: (experimentId: string, selected: boolean) => void;
}

const SHOWN_TAGS = 4;

export function ExperimentRow({ experiment, style, rowIndex, selected, onSelect }: ExperimentRowProps) {
  const description = tagValue(experiment.tags, 'mlflow.note.content') ?? '';
  // mlflow.* tags are system bookkeeping; users' own tags are what identify an experiment.
  const userTags = experiment.tags.filter((tag) => !tag.key.startsWith('mlflow.'));
  const deleted = experiment.lifecycle_stage === 'deleted';
  return (
    <tr style={style} data-index={rowIndex} className={deleted ? 'row--deleted' : undefined}>
      <th scope="row" className="cell-name">
        <input
          type="checkbox"
          className="row-select"
          checked={selected}
          onChange={(event) => onSelect(experiment.experiment_id, event.target.checked)}
          aria-label={`Select ${experiment.name || experiment.experiment_id}`}
        />
        <Link to={paths.experiment.getHref(experiment.experiment_id)}>
          <TruncatedText text={experiment.name || '(unnamed)'} max={200} />
        </Link>
        {deleted ? <span className="badge badge--deleted">Deleted</span> : null}
      </th>
      <td className="cell-id">
        <TruncatedText text={experiment.experiment_id} max={40} />
      </td>
      <td className="cell-time" title={describeTimestamp(experiment.creation_time)}>
        {formatTimestamp(experiment.creation_time)}
      </td>
      <td className="cell-time" title={describeTimestamp(experiment.last_update_time)}>
        {formatTimestamp(experiment.last_update_time)}
      </td>
      <RunSummaryCells experimentId={experiment.experiment_id} />
      <td className="cell-description" title={description ? truncateText(description, 5000).text : undefined}>
        {/* The first line; the whole of it is on the experiment page. */}
        {description ? <DescriptionPreview line={truncateText(firstLine(description), 160).text} /> : null}
      </td>
      <td className="cell-tags">
        <TagList tags={userTags} label="Tags" limit={SHOWN_TAGS} max={60} />
      </td>
    </tr>
  );
}
