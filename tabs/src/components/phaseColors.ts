import { tokens } from '@fluentui/react-components';
import type { PhaseKind } from '../clock/model';

/**
 * Theme tokens, not fixed colours, so dark and high-contrast themes stay readable.
 * Colour only tells bars apart; each bar also carries its name as text.
 */
export const PHASE_COLORS: Record<PhaseKind, { background: string; border: string }> = {
  developmentDiscussions: {
    background: tokens.colorPaletteBlueBackground2,
    border: tokens.colorPaletteBlueBorderActive,
  },
  groupDiscussions: {
    background: tokens.colorPaletteTealBackground2,
    border: tokens.colorPaletteTealBorderActive,
  },
  serviceAreaDiscussion: {
    background: tokens.colorPaletteGrapeBackground2,
    border: tokens.colorPaletteGrapeBorderActive,
  },
  trainingPlans: {
    background: tokens.colorPaletteMarigoldBackground2,
    border: tokens.colorPaletteMarigoldBorderActive,
  },
  strategicDiscussion: {
    background: tokens.colorPaletteBerryBackground2,
    border: tokens.colorPaletteBerryBorderActive,
  },
  cooperationConfirmation: {
    background: tokens.colorPaletteGreenBackground2,
    border: tokens.colorPaletteGreenBorderActive,
  },
};
