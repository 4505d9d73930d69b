import type { FileDictionary } from './data-dictionary.js';

// The places and units of the contract (counties, townships, villages, assisting units) and the
// card history. Example rows follow the data contract's county (docs/data-contract.md) 乡城县 so the doc reads as one story.

const PEOPLE = { zh: '人', en: 'people' };
const HOUSEHOLDS = { zh: '户', en: 'households' };
const YUAN_A_YEAR = { zh: '元/年', en: 'yuan a year' };
const NON_NEGATIVE = { enforced: { min: 0 } };

const principal = (owner: string) =>
  [
    { field: 'principal', zh: '主要负责人', en: `principal official of the ${owner}`, type: 'object', required: false, unit: null },
    { field: 'principal.name', zh: '负责人姓名', en: "principal official's name", type: 'text', required: false, unit: null },
    { field: 'principal.title', zh: '负责人职务', en: "principal official's title", type: 'text', required: false, unit: null },
  ] as const;

const counties: FileDictionary = {
  example: {
    countyId: '513336',
    name: '乡城县',
    province: '四川',
    region: 'west',
    ruralRegisteredPopulation: 25700,
    survey: { exitedSampled: 1200, wronglyExited: 9, unregisteredSampled: 3000, omitted: 21, householdsSurveyed: 800, householdsApproving: 760 },
  },
  fields: [
    { field: 'countyId', zh: '县编号', en: 'county id', type: 'id', required: true, unit: null },
    { field: 'name', zh: '县名称', en: 'county name', type: 'text', required: false, unit: null },
    { field: 'province', zh: '所属省份', en: 'province', type: 'text', required: false, unit: null },
    {
      field: 'region',
      zh: '所属区域',
      en: 'region',
      type: 'enum',
      required: false,
      unit: null,
      values: [
        { value: 'west', zh: '西部', en: 'western region' },
        { value: 'central', zh: '中部', en: 'central region' },
        { value: 'east', zh: '东部', en: 'eastern region' },
      ],
    },
    { field: 'ruralRegisteredPopulation', zh: '农业户籍人口', en: 'rural registered population', type: 'integer', required: false, unit: PEOPLE, limits: NON_NEGATIVE },
    { field: 'survey', zh: '第三方抽样调查', en: 'sample survey', type: 'object', required: false, unit: null },
    { field: 'survey.exitedSampled', zh: '抽查已退出人口数', en: 'exited people sampled', type: 'integer', required: false, unit: PEOPLE, limits: NON_NEGATIVE },
    { field: 'survey.wronglyExited', zh: '错退人数', en: 'wrongly exited people found', type: 'integer', required: false, unit: PEOPLE, limits: NON_NEGATIVE },
    { field: 'survey.unregisteredSampled', zh: '抽查未建档立卡人口数', en: 'unregistered rural people sampled', type: 'integer', required: false, unit: PEOPLE, limits: NON_NEGATIVE },
    { field: 'survey.omitted', zh: '漏评人数', en: 'omitted poor people found', type: 'integer', required: false, unit: PEOPLE, limits: NON_NEGATIVE },
    { field: 'survey.householdsSurveyed', zh: '满意度调查户数', en: 'households surveyed', type: 'integer', required: false, unit: HOUSEHOLDS, limits: NON_NEGATIVE },
    { field: 'survey.householdsApproving', zh: '认可户数', en: 'households approving', type: 'integer', required: false, unit: HOUSEHOLDS, limits: NON_NEGATIVE },
  ],
};

const townships: FileDictionary = {
  example: {
    townshipId: '513336-01',
    countyId: '513336',
    name: '青德镇',
    hasStandardCentralSchool: true,
    hasQualifiedHealthCentre: true,
    hasServiceCentre: true,
    principal: { name: '张三', title: '乡镇党委书记' },
  },
  fields: [
    { field: 'townshipId', zh: '乡镇编号', en: 'township id', type: 'id', required: true, unit: null },
    { field: 'countyId', zh: '县编号', en: 'county id', type: 'id', required: true, unit: null },
    { field: 'name', zh: '乡镇名称', en: 'township name', type: 'text', required: false, unit: null },
    { field: 'hasStandardCentralSchool', zh: '有标准中心校', en: 'has a standard central school', type: 'boolean', required: false, unit: null },
    { field: 'hasQualifiedHealthCentre', zh: '有达标卫生院', en: 'has a qualified health centre', type: 'boolean', required: false, unit: null },
    { field: 'hasServiceCentre', zh: '有便民服务中心', en: 'has a public-service centre', type: 'boolean', required: false, unit: null },
    ...principal('township'),
  ],
};

const villages: FileDictionary = {
  example: {
    villageId: '513336-01-003',
    townshipId: '513336-01',
    countyId: '513336',
    name: '仲德村',
    ruralRegisteredPopulation: 812,
    collectiveIncome: 36000,
    hasHardenedRoad: true,
    hasStandardClinic: true,
    hasCultureRoom: true,
    hasNetwork: true,
    assistingUnitId: 'U-017',
  },
  fields: [
    { field: 'villageId', zh: '村编号', en: 'village id', type: 'id', required: true, unit: null },
    { field: 'townshipId', zh: '乡镇编号', en: 'township id', type: 'id', required: true, unit: null },
    { field: 'countyId', zh: '县编号', en: 'county id', type: 'id', required: true, unit: null },
    { field: 'name', zh: '村名称', en: 'village name', type: 'text', required: false, unit: null },
    { field: 'ruralRegisteredPopulation', zh: '农业户籍人口', en: 'rural registered population', type: 'integer', required: false, unit: PEOPLE, limits: NON_NEGATIVE },
    { field: 'collectiveIncome', zh: '村集体经济收入', en: 'collective-economy income', type: 'number', required: false, unit: YUAN_A_YEAR },
    { field: 'hasHardenedRoad', zh: '通硬化路', en: 'hardened road reaches the village', type: 'boolean', required: false, unit: null },
    { field: 'hasStandardClinic', zh: '有标准化卫生室', en: 'standard clinic with a qualified doctor', type: 'boolean', required: false, unit: null },
    { field: 'hasCultureRoom', zh: '有文化室', en: 'culture room', type: 'boolean', required: false, unit: null },
    { field: 'hasNetwork', zh: '通信网络覆盖', en: 'telecom or broadband coverage', type: 'boolean', required: false, unit: null },
    { field: 'assistingUnitId', zh: '帮扶单位编号', en: 'assisting unit id', type: 'id', required: false, unit: null },
  ],
};

const units: FileDictionary = {
  example: { unitId: 'U-017', countyId: '513336', name: '县交通运输局', principal: { name: '李四', title: '局长' } },
  fields: [
    { field: 'unitId', zh: '帮扶单位编号', en: 'assisting unit id', type: 'id', required: true, unit: null },
    { field: 'countyId', zh: '县编号', en: 'county id', type: 'id', required: true, unit: null },
    { field: 'name', zh: '帮扶单位名称', en: 'assisting unit name', type: 'text', required: false, unit: null },
    ...principal('assisting unit'),
  ],
};

const cardHistory: FileDictionary = {
  example: { unitType: 'township', unitId: '513336-01', quarter: '2018Q2', card: 'yellow-card' },
  fields: [
    {
      field: 'unitType',
      zh: '单位类型',
      en: 'unit type',
      type: 'enum',
      required: true,
      unit: null,
      values: [
        { value: 'township', zh: '乡镇', en: 'township' },
        { value: 'assisting-unit', zh: '帮扶单位', en: 'assisting unit' },
      ],
    },
    { field: 'unitId', zh: '单位编号', en: 'unit id (township or assisting unit)', type: 'id', required: true, unit: null },
    { field: 'quarter', zh: '考核季度', en: 'quarter', type: 'quarter', required: true, unit: null },
    {
      field: 'card',
      zh: '考核结果',
      en: 'card',
      type: 'enum',
      required: false,
      unit: null,
      values: [
        { value: 'red-flag', zh: '流动红旗', en: 'red flag' },
        { value: 'yellow-card', zh: '黄牌警告', en: 'yellow card' },
      ],
    },
  ],
};

/** Every file of a dataset but `households` (see `household-entries.ts`). */
export const PLACE_DICTIONARIES = { counties, townships, villages, units, cardHistory } as const;
