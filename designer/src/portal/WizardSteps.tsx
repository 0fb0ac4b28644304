// The six steps of an application: the usual step bar on a wide screen; on a phone one compact row (antd's
// inline steps) instead of a 500 px vertical list above every page.
import { Grid, Steps, type StepsProps } from 'antd';

export default function WizardSteps(props: Pick<StepsProps, 'current' | 'onChange' | 'items'>) {
  const wide = Grid.useBreakpoint().md ?? true;
  return wide ? <Steps size="small" {...props} /> : <Steps type="inline" responsive={false} className="zc-steps-inline" {...props} />;
}
