import type { FileDictionary } from './data-dictionary.js';

// `households`: the 建档立卡 household with its members, housing, water, assets, spending and
// public notices. The example row is the data contract's household (docs/data-contract.md) as a `returned` one, so that every
// field, `returnedYear` and `housing.movedIn` included, shows a value.

const YUAN = { zh: '元', en: 'yuan' };
const NON_NEGATIVE = { enforced: { min: 0 } };
const YEAR_LIMITS = { enforced: { min: 1949, max: 2100 } };

const YES_NO_FLAG = (field: string, zh: string, en: string) => ({ field, zh, en, type: 'boolean', required: false, unit: null }) as const;

const members = [
  { field: 'members', zh: '家庭成员', en: 'members', type: 'list', required: false, unit: null },
  { field: 'members[].memberId', zh: '成员编号', en: 'member id', type: 'id', required: true, unit: null },
  { field: 'members[].age', zh: '年龄', en: 'age at assessment', type: 'integer', required: false, unit: { zh: '周岁', en: 'years' }, limits: { enforced: { min: 0, max: 150 } } },
  {
    field: 'members[].schooling',
    zh: '在校情况',
    en: 'schooling',
    type: 'enum',
    required: false,
    unit: null,
    values: [
      { value: 'enrolled', zh: '在校', en: 'enrolled' },
      { value: 'dropped-out', zh: '辍学', en: 'dropped out' },
      { value: 'exempt', zh: '经认定免入学', en: 'certified exemption (special education or health)' },
      { value: 'not-applicable', zh: '不适用', en: 'not applicable (not of school age)' },
    ],
  },
  YES_NO_FLAG('members[].medicalInsurance', '参加基本医疗保险', 'enrolled in basic medical insurance'),
  YES_NO_FLAG('members[].criticalIllnessInsurance', '参加大病保险', 'enrolled in critical-illness insurance'),
  YES_NO_FLAG('members[].fiscalPayroll', '财政供养人员', 'paid from the state budget'),
  YES_NO_FLAG('members[].villageCadre', '现任村两委干部', 'serving village cadre'),
  YES_NO_FLAG('members[].seriousIllness', '患重病或慢性病', 'serious or chronic illness'),
] as const;

const housing = [
  { field: 'housing', zh: '住房情况', en: 'housing', type: 'object', required: false, unit: null },
  YES_NO_FLAG('housing.hasHouse', '有住房', 'has a house (false: no house at all)'),
  {
    field: 'housing.safetyGrade',
    zh: '住房安全等级',
    en: 'house safety grade',
    type: 'enum',
    required: false,
    unit: null,
    values: [
      { value: 'A', zh: 'A级（安全）', en: 'grade A (safe)' },
      { value: 'B', zh: 'B级（基本安全）', en: 'grade B (basically safe)' },
      { value: 'C', zh: 'C级危房（局部危险）', en: 'grade C, dilapidated (partly unsafe)' },
      { value: 'D', zh: 'D级危房（整栋危险）', en: 'grade D, dilapidated (wholly unsafe)' },
    ],
  },
  YES_NO_FLAG('housing.relocated', '易地扶贫搬迁户', 'relocated household'),
  YES_NO_FLAG('housing.movedIn', '已搬迁入住', 'moved into the new house'),
] as const;

const water = [
  { field: 'water', zh: '饮水情况', en: 'drinking water', type: 'object', required: false, unit: null },
  YES_NO_FLAG('water.qualityOk', '水质达标', 'water quality acceptable'),
  { field: 'water.litresPerPersonDay', zh: '人均日供水量', en: 'litres per person per day', type: 'number', required: false, unit: { zh: '升/人·日', en: 'litres per person per day' }, limits: NON_NEGATIVE },
  { field: 'water.fetchMinutes', zh: '取水往返时间', en: 'minutes to fetch water, round trip (piped: 0)', type: 'number', required: false, unit: { zh: '分钟', en: 'minutes' }, limits: NON_NEGATIVE },
  { field: 'water.reliabilityPct', zh: '供水保证率', en: 'supply reliability', type: 'number', required: false, unit: { zh: '%', en: '%' }, limits: { enforced: { min: 0, max: 100 } } },
] as const;

const assets = [
  { field: 'assets', zh: '资产情况', en: 'assets', type: 'object', required: false, unit: null },
  YES_NO_FLAG('assets.townProperty', '城镇购房或建房', 'bought commercial housing or built a house in a town'),
  { field: 'assets.vehicleValue', zh: '车辆机械价值', en: 'value of vehicles and machinery (own farm machinery excepted)', type: 'number', required: false, unit: YUAN, limits: NON_NEGATIVE },
  YES_NO_FLAG('assets.ownsBusiness', '开办或投资企业', 'owns or invests in an enterprise'),
  YES_NO_FLAG('assets.hiresLabour', '长期雇用他人', 'hires labour long-term'),
] as const;

const spending = [
  { field: 'spending', zh: '当年支出', en: 'spending in the assessment year', type: 'object', required: false, unit: null },
  { field: 'spending.medicalSelfPaid', zh: '医疗自付费用', en: 'self-paid medical cost', type: 'number', required: false, unit: YUAN, limits: NON_NEGATIVE },
  { field: 'spending.education', zh: '教育支出', en: 'education spending', type: 'number', required: false, unit: YUAN, limits: NON_NEGATIVE },
  { field: 'spending.disasterLoss', zh: '灾害损失', en: 'disaster losses', type: 'number', required: false, unit: YUAN, limits: NON_NEGATIVE },
] as const;

const notices = [
  { field: 'notices', zh: '公示记录', en: 'public notices', type: 'list', required: false, unit: null },
  { field: 'notices[].stage', zh: '公示环节', en: 'notice stage', type: 'text', required: false, unit: null },
  { field: 'notices[].start', zh: '公示开始日期', en: 'first day of the notice', type: 'date', required: false, unit: null },
  { field: 'notices[].end', zh: '公示结束日期', en: 'last day of the notice', type: 'date', required: false, unit: null },
] as const;

export const HOUSEHOLD_DICTIONARY: FileDictionary = {
  example: {
    householdId: '513336-01-003-0042',
    villageId: '513336-01-003',
    headName: '扎西',
    status: 'returned',
    registeredYear: 2014,
    returnedYear: 2017,
    plannedExitYear: 2018,
    incomePerCapita: 4210.5,
    members: [
      { memberId: 'm1', age: 44, schooling: 'not-applicable', medicalInsurance: true, criticalIllnessInsurance: true, fiscalPayroll: false, villageCadre: false, seriousIllness: false },
      { memberId: 'm2', age: 12, schooling: 'enrolled', medicalInsurance: true, criticalIllnessInsurance: true, fiscalPayroll: false, villageCadre: false, seriousIllness: false },
    ],
    housing: { hasHouse: true, safetyGrade: 'B', relocated: true, movedIn: true },
    water: { qualityOk: true, litresPerPersonDay: 60, fetchMinutes: 0, reliabilityPct: 98 },
    electricity: true,
    radioTv: true,
    assets: { townProperty: false, vehicleValue: 0, ownsBusiness: false, hiresLabour: false },
    awayMonths: 0,
    splitHousehold: false,
    spending: { medicalSelfPaid: 800, education: 1200, disasterLoss: 0 },
    notices: [{ stage: '一榜公示', start: '2018-03-01', end: '2018-03-08' }],
  },
  fields: [
    { field: 'householdId', zh: '户编号', en: 'household id', type: 'id', required: true, unit: null },
    { field: 'villageId', zh: '村编号', en: 'village id', type: 'id', required: true, unit: null },
    { field: 'headName', zh: '户主姓名', en: "head of household's name", type: 'text', required: false, unit: null },
    {
      field: 'status',
      zh: '户状态',
      en: 'status',
      type: 'enum',
      required: true,
      unit: null,
      values: [
        { value: 'poor', zh: '未脱贫', en: 'poor, not yet exited' },
        { value: 'exited', zh: '已脱贫', en: 'exited' },
        { value: 'returned', zh: '返贫', en: 'returned to poverty' },
        { value: 'applicant', zh: '申请中', en: 'applicant (to be identified)' },
        { value: 'non-poor', zh: '非贫困户', en: 'non-poor' },
      ],
    },
    { field: 'registeredYear', zh: '识别年度', en: 'year registered', type: 'integer', required: false, unit: null, limits: YEAR_LIMITS },
    { field: 'returnedYear', zh: '返贫年度', en: 'year returned to poverty', type: 'integer', required: false, unit: null, limits: YEAR_LIMITS },
    { field: 'plannedExitYear', zh: '计划脱贫年度', en: 'year planned to exit', type: 'integer', required: false, unit: null, limits: YEAR_LIMITS },
    { field: 'incomePerCapita', zh: '年人均纯收入', en: 'net income per person per year', type: 'number', required: false, unit: { zh: '元/人·年', en: 'yuan per person per year' }, limits: NON_NEGATIVE },
    ...members,
    ...housing,
    ...water,
    YES_NO_FLAG('electricity', '通生活用电', 'electricity for daily use'),
    YES_NO_FLAG('radioTv', '通广播电视', 'radio and television reception'),
    ...assets,
    { field: 'awayMonths', zh: '全家外出月数', en: 'months the whole family has lived away', type: 'number', required: false, unit: { zh: '月', en: 'months' }, limits: NON_NEGATIVE },
    YES_NO_FLAG('splitHousehold', '拆户或并户', 'split or merged to qualify'),
    ...spending,
    ...notices,
  ],
};
