/** How big a body's figures are, by level: a township answers a handful of applications, a province thousands. */
import type { SynthLevel } from './organizations';

export interface Scale {
  /** chance the body received no application at all this year */
  noApplications: number;
  applications: [number, number];
  proactive: [number, number];
  review: number;
  reviewMax: number;
  regulations: boolean;
  normative: [number, number];
  licensing: [number, number];
  punishment: [number, number];
  fees: [number, number];
}

export const SCALES: Record<SynthLevel, Scale> = {
  township: {
    noApplications: 0.7,
    applications: [1, 6],
    proactive: [20, 600],
    review: 0.04,
    reviewMax: 2,
    regulations: false,
    normative: [0, 2],
    licensing: [0, 60],
    punishment: [0, 40],
    fees: [0, 0],
  },
  county: {
    noApplications: 0.15,
    applications: [1, 90],
    proactive: [300, 8000],
    review: 0.4,
    reviewMax: 8,
    regulations: false,
    normative: [0, 15],
    licensing: [100, 30000],
    punishment: [50, 8000],
    fees: [0, 3000],
  },
  county_department: {
    noApplications: 0.5,
    applications: [1, 40],
    proactive: [30, 1500],
    review: 0.12,
    reviewMax: 3,
    regulations: false,
    normative: [0, 5],
    licensing: [0, 5000],
    punishment: [0, 2000],
    fees: [0, 2000],
  },
  city: {
    noApplications: 0.02,
    applications: [20, 3500],
    proactive: [1500, 40000],
    review: 0.8,
    reviewMax: 60,
    regulations: true,
    normative: [2, 40],
    licensing: [5000, 450000],
    punishment: [1000, 4000000],
    fees: [500, 100000],
  },
  city_department: {
    noApplications: 0.2,
    applications: [1, 300],
    proactive: [50, 3000],
    review: 0.3,
    reviewMax: 10,
    regulations: false,
    normative: [0, 10],
    licensing: [0, 50000],
    punishment: [0, 20000],
    fees: [0, 20000],
  },
  province: {
    noApplications: 0,
    applications: [100, 6000],
    proactive: [3000, 60000],
    review: 0.9,
    reviewMax: 120,
    regulations: true,
    normative: [5, 60],
    licensing: [1000, 200000],
    punishment: [0, 50000],
    fees: [0, 50000],
  },
  province_department: {
    noApplications: 0.05,
    applications: [5, 1200],
    proactive: [100, 5000],
    review: 0.6,
    reviewMax: 40,
    regulations: false,
    normative: [0, 20],
    licensing: [0, 80000],
    punishment: [0, 30000],
    fees: [0, 30000],
  },
  other: {
    noApplications: 0.6,
    applications: [1, 15],
    proactive: [30, 1500],
    review: 0.05,
    reviewMax: 2,
    regulations: false,
    normative: [0, 5],
    licensing: [0, 3000],
    punishment: [0, 500],
    fees: [0, 500],
  },
};
