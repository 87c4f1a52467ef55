/**
 * The two card shapes several features share, from templates/list-card.json and templates/editor-card.json: a list
 * of records each opened by a verb (the summaries', training plans' and development actions' overviews), and one
 * record with facts, long texts and actions (a summary, the strategic discussion).
 */
import { cardTemplate } from './card-rendering';
import listTemplate from './templates/list-card.json';
import editorTemplate from './templates/editor-card.json';

export type Color = 'Default' | 'Good' | 'Warning' | 'Attention' | 'Accent';

export interface Fact {
  title: string;
  value: string;
}

export interface ActionModel {
  title: string;
  verb: string;
  data: Record<string, unknown>;
}

/** A list of records, each opened by a verb: the summaries' and the training plans' overviews. */
export interface ListCardModel {
  title: string;
  intro: string;
  rows: Array<{
    name: string;
    status: string;
    color: Color;
    warning: string;
    openTitle: string;
    verb: string;
    data: object;
  }>;
  actions: ActionModel[];
}

export const renderListCard = cardTemplate<ListCardModel>(listTemplate);

/** A record with facts, a form of long texts (or the texts read-only) and actions: summaries, the strategic discussion. */
export interface EditorCardModel {
  title: string;
  status: string;
  statusColor: Color;
  notice: string;
  noticeColor: Color;
  intro: string;
  facts: Fact[];
  inputs: Array<{ id: string; label: string; value: string; help: string; maxLength: number }>;
  sections: Array<{ label: string; text: string }>;
  actions: ActionModel[];
}

export const renderEditorCard = cardTemplate<EditorCardModel>(editorTemplate);
